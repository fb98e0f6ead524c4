import type { Browser, Page } from "playwright-core";

/** The password every browser test's accounts are created with. */
export const PASSWORD = "team passphrase 1";

/** A browser context signed in as `email` on the login form (accounts mode), on the home page. */
export async function signedIn(browser: Browser, url: string, email: string): Promise<Page> {
  const page = await (
    await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 } })
  ).newPage();
  await page.goto("/");
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Your journey maps" }).waitFor();
  return page;
}
