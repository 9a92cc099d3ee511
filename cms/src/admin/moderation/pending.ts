import { useEffect, useSyncExternalStore } from 'react';
import { deskApi } from './api';

/**
 * The pending count in the main menu. Strapi's menu links are registered once, before anyone logs in, so their
 * notificationsCount cannot change; the menu icon reads this small store instead, which the desk refreshes after
 * every decision and the icon refreshes every minute.
 */
let pending: number | null = null;
let fetchedAt = 0;
const listeners = new Set<() => void>();

const publish = (value: number | null) => {
  pending = value;
  listeners.forEach((listener) => listener());
};

export const setPendingCount = (value: number) => {
  fetchedAt = Date.now();
  publish(value);
};

export const refreshPendingCount = async (maxAgeMs = 0) => {
  if (Date.now() - fetchedAt < maxAgeMs) return;
  fetchedAt = Date.now();
  try {
    publish((await deskApi.counts()).pending);
  } catch {
    // A count that cannot be read is not shown; the desk itself says what went wrong.
    publish(null);
  }
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const usePendingCount = () => {
  useEffect(() => {
    void refreshPendingCount(30_000);
    const timer = window.setInterval(() => void refreshPendingCount(), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return useSyncExternalStore(subscribe, () => pending);
};
