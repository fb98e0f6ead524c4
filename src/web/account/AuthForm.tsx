import { type FormEvent, type ReactNode, useState } from "react";

/** A centred sign-in style form: fields, one submit button, the server's error under it. */
export function AuthForm({
  title,
  submit,
  onSubmit,
  children,
  intro,
}: {
  title: string;
  submit: string;
  onSubmit: (data: FormData) => Promise<void>;
  children: ReactNode;
  intro?: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const handle = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(new FormData(e.currentTarget));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={handle} aria-label={title}>
        <span className="brand">Wayline</span>
        <h1>{title}</h1>
        {intro}
        {children}
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn primary" disabled={busy}>
          {submit}
        </button>
      </form>
    </main>
  );
}

/** A labelled input of an auth form. */
export function Field({
  label,
  name,
  type = "text",
  autoComplete,
}: {
  label: string;
  name: string;
  type?: string;
  autoComplete?: string;
}) {
  return (
    <label className="auth-field">
      <span>{label}</span>
      <input name={name} type={type} autoComplete={autoComplete} required />
    </label>
  );
}
