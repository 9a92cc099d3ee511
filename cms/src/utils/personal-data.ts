/**
 * Everything Marquee stores about a reader, by email address, in one list of contributors (the WordPress personal-data
 * exporters and erasers pattern). Comments register themselves; another module (subscriptions, say) registers its own
 * at register time and is exported and erased with the rest, without the desk knowing it exists.
 */
export type EraseMode = 'anonymise' | 'delete';

export interface PersonalDataContributor {
  /** The key of this contributor's part of an export, and its name in the log. */
  name: string;
  /** What is stored about this address: plain JSON. */
  export(email: string): Promise<unknown>;
  /** Removes or anonymises it; answers how many records it changed and how many it removed. */
  erase(email: string, mode: EraseMode): Promise<{ anonymised: number; removed: number }>;
}

const contributors = new Map<string, PersonalDataContributor>();

/** Registers (or replaces, by name) one contributor. */
export const registerPersonalData = (contributor: PersonalDataContributor) => {
  contributors.set(contributor.name, contributor);
};

export const personalDataContributors = (): PersonalDataContributor[] => [...contributors.values()];

/** Addresses are compared as readers type them, whatever the case. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const exportPersonalData = async (email: string) => {
  const address = normaliseEmail(email);
  const parts: Record<string, unknown> = {};
  for (const contributor of personalDataContributors()) parts[contributor.name] = await contributor.export(address);
  return { email: address, exportedAt: new Date().toISOString(), data: parts };
};

export const erasePersonalData = async (email: string, mode: EraseMode) => {
  const address = normaliseEmail(email);
  const results: Record<string, { anonymised: number; removed: number }> = {};
  for (const contributor of personalDataContributors())
    results[contributor.name] = await contributor.erase(address, mode);
  return results;
};
