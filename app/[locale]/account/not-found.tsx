import { NotFoundMessage } from "@/components/layout/not-found-message";

// Inside the account layout, so a merchant page that is not yours gets the same frame (and <html lang>).
export default function AccountNotFound() {
  return <NotFoundMessage />;
}
