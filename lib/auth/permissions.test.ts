import { describe, expect, it } from "vitest";
import {
  type CurrentUser,
  canCheckIn,
  canCreateJourneeFor,
  canEnterOrganiserArea,
  canManageJournee,
  canManageUsers,
  canReadReports,
  inScope,
  isAdmin,
  journeeScope,
  type RoleGrant,
} from "./permissions";

const user = (...grants: RoleGrant[]): CurrentUser => ({ id: "u", email: "u@example.org", name: null, grants });
const grant = (
  role: RoleGrant["role"],
  partnerId: string | null = null,
  journeeId: string | null = null,
): RoleGrant => ({
  role,
  partnerId,
  journeeId,
});

const unafoDay = { id: "j-unafo", partnerId: "unafo" };
const ddetsDay = { id: "j-ddets", partnerId: "ddets" };

const admin = user(grant("ADMIN"));
const organisateur = user(grant("ORGANISATEUR", "unafo"));
const agent = user(grant("AGENT", null, "j-unafo"));
const lecteur = user(grant("LECTEUR"));
const nobody = user();

describe("capability checks", () => {
  it("admin may do everything", () => {
    expect(isAdmin(admin)).toBe(true);
    for (const j of [unafoDay, ddetsDay]) {
      expect(canManageJournee(admin, j)).toBe(true);
      expect(canCheckIn(admin, j)).toBe(true);
      expect(canReadReports(admin, j)).toBe(true);
    }
    expect(canManageUsers(admin)).toBe(true);
    expect(canCreateJourneeFor(admin, "ddets")).toBe(true);
  });

  it("organisateur manages only the journées of their partner", () => {
    expect(canManageJournee(organisateur, unafoDay)).toBe(true);
    expect(canCheckIn(organisateur, unafoDay)).toBe(true);
    expect(canReadReports(organisateur, unafoDay)).toBe(true);
    expect(canManageJournee(organisateur, ddetsDay)).toBe(false);
    expect(canCheckIn(organisateur, ddetsDay)).toBe(false);
    expect(canReadReports(organisateur, ddetsDay)).toBe(false);
    expect(canManageUsers(organisateur)).toBe(false);
    expect(canCreateJourneeFor(organisateur, "unafo")).toBe(true);
    expect(canCreateJourneeFor(organisateur, "ddets")).toBe(false);
  });

  it("agent checks in only on the assigned journée, and nothing else", () => {
    expect(canCheckIn(agent, unafoDay)).toBe(true);
    expect(canCheckIn(agent, ddetsDay)).toBe(false);
    expect(canManageJournee(agent, unafoDay)).toBe(false);
    expect(canReadReports(agent, unafoDay)).toBe(false);
    expect(canReadReports(agent)).toBe(false);
    expect(canCreateJourneeFor(agent, "unafo")).toBe(false);
  });

  it("lecteur reads reports across the programme, nothing more", () => {
    expect(canReadReports(lecteur)).toBe(true);
    expect(canReadReports(lecteur, ddetsDay)).toBe(true);
    expect(canManageJournee(lecteur, ddetsDay)).toBe(false);
    expect(canCheckIn(lecteur, ddetsDay)).toBe(false);
    expect(canManageUsers(lecteur)).toBe(false);
  });

  it("no user or no grant gives nothing", () => {
    for (const u of [null, undefined, nobody]) {
      expect(canManageJournee(u, unafoDay)).toBe(false);
      expect(canCheckIn(u, unafoDay)).toBe(false);
      expect(canReadReports(u)).toBe(false);
      expect(canManageUsers(u)).toBe(false);
      expect(canEnterOrganiserArea(u)).toBe(false);
    }
    expect(canEnterOrganiserArea(agent)).toBe(true);
  });
});

describe("journeeScope", () => {
  it("is {} for admins and global grants, nothing for anonymous and users without a fitting grant", () => {
    expect(journeeScope(admin, "manage")).toEqual({});
    expect(journeeScope(lecteur, "reports")).toEqual({});
    expect(journeeScope(null, "view")).toEqual({ id: { in: [] } });
    expect(journeeScope(lecteur, "manage")).toEqual({ id: { in: [] } });
    expect(journeeScope(agent, "reports")).toEqual({ id: { in: [] } });
  });

  it("lists partners and journées, combined with OR", () => {
    expect(journeeScope(organisateur, "manage")).toEqual({ partnerId: { in: ["unafo"] } });
    expect(journeeScope(agent, "checkIn")).toEqual({ id: { in: ["j-unafo"] } });
    const both = user(grant("ORGANISATEUR", "unafo"), grant("AGENT", null, "j-ddets"), grant("AGENT", null, "j-ddets"));
    const scope = journeeScope(both, "checkIn");
    expect(scope).toEqual({ OR: [{ partnerId: { in: ["unafo"] } }, { id: { in: ["j-ddets"] } }] });
    expect(inScope(scope, unafoDay)).toBe(true);
    expect(inScope(scope, ddetsDay)).toBe(true);
    expect(inScope(scope, { id: "other", partnerId: "metropole" })).toBe(false);
    expect(journeeScope(both, "manage")).toEqual({ partnerId: { in: ["unafo"] } });
  });

  it("agrees with the capability checks", () => {
    const cases = [admin, organisateur, agent, lecteur, nobody];
    for (const u of cases) {
      for (const j of [unafoDay, ddetsDay]) {
        expect(inScope(journeeScope(u, "manage"), j)).toBe(canManageJournee(u, j));
        expect(inScope(journeeScope(u, "checkIn"), j)).toBe(canCheckIn(u, j));
        expect(inScope(journeeScope(u, "reports"), j)).toBe(canReadReports(u, j));
      }
    }
  });
});
