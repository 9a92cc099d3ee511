import { Counter } from './counter.jsx';

export default function Page() {
  return (
    <main>
      <h1>One page</h1>
      <p>The smallest App Router page with one client component: what Next and React cost on a phone by themselves.</p>
      <Counter />
    </main>
  );
}
