import { beforeEach, describe, expect, it } from "vitest";
import { forgetTicket, rememberedTicket, rememberTicket } from "./remembered-ticket";

// The unit project runs in Node: a minimal localStorage of our own.
const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
  });
});

const TOKEN = "abcdefghijklmnopqrstuv";

describe("the ticket remembered on the person's phone (decision 024)", () => {
  it("is given back until its end date, then removed", () => {
    const until = new Date("2026-12-04T23:00:00Z");
    rememberTicket(TOKEN, until);
    expect(rememberedTicket(until.getTime() - 1)).toBe(TOKEN);
    expect(rememberedTicket(until.getTime() + 1)).toBeNull();
    expect(store.size).toBe(0);
  });

  it("is forgotten on request, and a corrupt or foreign value is dropped", () => {
    rememberTicket(TOKEN, new Date(Date.now() + 60_000));
    forgetTicket();
    expect(rememberedTicket()).toBeNull();
    store.set("emarge.signer.billet", "{pas du json");
    expect(rememberedTicket()).toBeNull();
    store.set("emarge.signer.billet", JSON.stringify({ token: "../../admin", until: "2999-01-01" }));
    expect(rememberedTicket()).toBeNull();
    expect(store.size).toBe(0);
  });
});
