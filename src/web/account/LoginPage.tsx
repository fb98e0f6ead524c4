import { AuthForm, Field } from "./AuthForm.tsx";
import type { Me } from "./auth-api.ts";
import { authApi } from "./auth-api.ts";
import { SsoSignIn } from "./SsoSignIn.tsx";

const text = (d: FormData, k: string) => String(d.get(k) ?? "");

/** Sign in with e-mail and password. */
export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  return (
    <AuthForm
      title="Sign in"
      submit="Sign in"
      intro={<SsoSignIn />}
      onSubmit={async (d) => onSignedIn(await authApi.login(text(d, "email"), text(d, "password")))}
    >
      <Field label="E-mail" name="email" type="email" autoComplete="username" />
      <Field label="Password" name="password" type="password" autoComplete="current-password" />
    </AuthForm>
  );
}

/** First run: create the first owner (open only while no account exists). */
export function SetupPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  return (
    <AuthForm
      title="Set up Wayline"
      submit="Create owner account"
      intro={
        <p className="muted">
          No account exists yet. The first account owns the existing workspace and its maps.
        </p>
      }
      onSubmit={async (d) =>
        onSignedIn(await authApi.setup(text(d, "email"), text(d, "password"), text(d, "name") || undefined))
      }
    >
      <Field label="Name" name="name" autoComplete="name" />
      <Field label="E-mail" name="email" type="email" autoComplete="username" />
      <Field
        label="Password (at least 10 characters)"
        name="password"
        type="password"
        autoComplete="new-password"
      />
    </AuthForm>
  );
}

/** `/reset/:token`: choose a new password with an admin-issued link. */
export function ResetPage({ token, onDone }: { token: string; onDone: () => void }) {
  return (
    <AuthForm
      title="Choose a new password"
      submit="Set password"
      onSubmit={async (d) => {
        await authApi.reset(token, text(d, "password"));
        onDone();
      }}
    >
      <Field
        label="New password (at least 10 characters)"
        name="password"
        type="password"
        autoComplete="new-password"
      />
    </AuthForm>
  );
}
