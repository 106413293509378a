/** The form-level outcome of a sign-in attempt (wrong password, rate limit), announced when it appears. */
export function FormAlert({ message }: { message?: string }) {
  return (
    <div aria-live="assertive" className="empty:hidden">
      {message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
    </div>
  );
}
