import "server-only";

export { generatePassword, hashPassword, verifyPassword } from "./password-hash";
