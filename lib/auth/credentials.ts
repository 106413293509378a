import "server-only";
import { findUserForPasswordSignIn } from "./data";
import { verifyPassword } from "./password";

/**
 * A bcrypt hash (cost 12, like real ones) of a password nobody has. Unknown emails and accounts
 * without a password are checked against it, so a refusal takes as long whether or not the
 * account exists.
 */
const DUMMY_HASH = "$2b$12$dSOtS.bP5wbA5oInLeeBjuCDffY3zuXks9VjLhd7WcBDx4mzt2ZZu";

/**
 * The user whose password this is, or null. Takes a normalized email and a password that
 * passed passwordSchema; does no rate limiting (the sign-in action does).
 */
export async function verifyCredentials(email: string, password: string): Promise<{ id: string; email: string; name: string | null } | null> {
  const user = await findUserForPasswordSignIn(email);
  if (!user?.passwordHash) {
    await verifyPassword(password, DUMMY_HASH);
    return null;
  }
  const ok = await verifyPassword(password, user.passwordHash);
  return ok ? { id: user.id, email: user.email, name: user.name } : null;
}
