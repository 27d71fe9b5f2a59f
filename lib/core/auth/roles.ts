export const ROLES = ["viewer", "operator", "admin"] as const;
export type RoleName = (typeof ROLES)[number];

const RANK: Record<RoleName, number> = { viewer: 0, operator: 1, admin: 2 };

/** Viewers read, operators deploy, admins also manage users and connections. */
export function roleAllows(actual: RoleName, needed: RoleName): boolean {
  return RANK[actual] >= RANK[needed];
}

export const ROLE_DESCRIPTIONS: Record<RoleName, string> = {
  viewer: "Reads everything, changes nothing",
  operator: "Deploys: runs plans against AWS",
  admin: "Operator, plus users and connections",
};
