import { type CurrentUser, canManageUsers, type Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

export type UserRow = {
  id: string;
  email: string;
  name: string | null;
  active: boolean;
  grants: { id: string; role: Role; partner: { shortName: string } | null; journee: { title: string } | null }[];
};

/** Every user with their roles — for admins only (anyone else gets an empty list). */
export async function listUsers(viewer: CurrentUser | null): Promise<UserRow[]> {
  if (!canManageUsers(viewer)) return [];
  const db = await getDb();
  return db.user
    .findMany({
      orderBy: [{ active: "desc" }, { email: "asc" }],
      select: {
        id: true,
        email: true,
        name: true,
        active: true,
        roles: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            role: true,
            partner: { select: { shortName: true } },
            journee: { select: { title: true } },
          },
        },
      },
    })
    .then((rows) => rows.map(({ roles, ...u }) => ({ ...u, grants: roles })));
}
