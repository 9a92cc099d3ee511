export { default } from '@/app/missing/review/not-found'
