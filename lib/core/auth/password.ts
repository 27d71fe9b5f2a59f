import "server-only";

export { generatePassword, hashPassword, verifyPassword, verifyPasswordOrDummy } from "./password-hash";
