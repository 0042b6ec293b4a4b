import { expect, test, type Page } from "@playwright/test";

async function signIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("register, sign out, sign in, and see one's own user page", async ({ page }) => {
  const name = `Reader ${Date.now().toString(36)}`;
  await page.goto("/register");
  await page.getByLabel("Username").fill(name);
  await page.getByLabel("Password", { exact: true }).fill("a quiet evening by the river");
  await page.getByLabel("Confirm password").fill("a quiet evening by the river");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(new RegExp(`/user/${encodeURIComponent(name)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`User ${name}`);
  await expect(page.locator(".group-badge")).toHaveText(["user"]);
  await expect(page.locator(".site-account")).toContainText(name);

  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.locator(".site-account")).toContainText("Sign in");

  await signIn(page, name.toUpperCase(), "a quiet evening by the river");
  await expect(page.locator(".site-account")).toContainText(name);
  await page.locator(".site-account").getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`User ${name}`);
});

test("registration explains what is wrong", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Username").fill("veteran");
  await page.getByLabel("Password", { exact: true }).fill("password123");
  await page.getByLabel("Confirm password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator(".form-error")).toHaveText(/most common|taken/);
});

test("the same message for an unknown user and a wrong password, then a pause after 5 failures", async ({
  page,
  request,
  baseURL,
}) => {
  // A fresh account, so that pausing it does not lock a demo account other tests sign in with.
  const name = `Target ${Date.now().toString(36)}`;
  const created = await request.post("/api/users", {
    data: { username: name, password: "the right passphrase here" },
    headers: { origin: baseURL! },
  });
  expect(created.status()).toBe(201);
  await signIn(page, "nobody-at-all", "whatever it is");
  const unknown = await page.locator(".form-error").textContent();
  await signIn(page, name, "not the password");
  await expect(page.locator(".form-error")).toHaveText(unknown!);
  for (let attempt = 2; attempt <= 5; attempt++) {
    await signIn(page, name, `wrong guess ${attempt}`);
    await expect(page.locator(".form-error")).toHaveText("Incorrect username or password.");
  }
  await signIn(page, name, "the right passphrase here");
  await expect(page.locator(".form-error")).toHaveText(/Too many failed sign-ins. Try again in \d+ seconds/);
});

test("change one's password, which signs out the other browser, then sign out everywhere", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const name = `Changer ${Date.now().toString(36)}`;
  const created = await request.post("/api/users", {
    data: { username: name, password: "the first passphrase here" },
    headers: { origin: baseURL! },
  });
  expect(created.status()).toBe(201);
  await signIn(page, name, "the first passphrase here");
  await expect(page.locator(".site-account")).toContainText(name);
  const elsewhere = await browser.newContext();
  const otherPage = await elsewhere.newPage();
  await signIn(otherPage, name, "the first passphrase here");
  await expect(otherPage.locator(".site-account")).toContainText(name);

  await page.goto("/account");
  await page.getByLabel("Current password").fill("not the password");
  await page.getByLabel("New password", { exact: true }).fill("a second passphrase here");
  await page.getByLabel("Confirm new password").fill("a second passphrase here");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator(".form-error")).toHaveText(/current password is not correct/);
  await page.getByLabel("Current password").fill("the first passphrase here");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText(/Your password was changed/);

  await page.goto("/account");
  await expect(page.getByText(`You are signed in as ${name}.`)).toBeVisible();
  await otherPage.goto("/account");
  await expect(otherPage.getByText("You are not signed in.")).toBeVisible();
  await elsewhere.close();

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.locator(".site-account")).toContainText("Sign in");
  await signIn(page, name, "a second passphrase here");
  await expect(page.locator(".site-account")).toContainText(name);
});

test("an admin protects an article: the padlock appears and the log records it", async ({ page }) => {
  await signIn(page, "admin", "wiki-demo-password");
  await expect(page.locator(".site-account")).toContainText("admin");
  await page.goto("/wiki/Hama");
  await expect(page.locator(".article-title .padlock")).toHaveCount(0);
  await page.getByRole("link", { name: "Protect", exact: true }).click();
  await page.getByLabel(/Semi-protection/).check();
  await page.getByLabel("Reason", { exact: true }).fill("Edit warring over the norias section");
  await page.getByRole("button", { name: "Confirm" }).click();

  await expect(page).toHaveURL(/\/wiki\/Hama$/);
  await expect(page.locator(".article-title .padlock")).toBeVisible();
  await expect(page.locator(".protection-notice")).toContainText("This article is semi-protected");

  await page.getByRole("link", { name: "Protection log" }).click();
  await expect(page.locator(".protection-log li").first()).toContainText("admin set the article to semi-protected");
  await expect(page.locator(".protection-log li").first()).toContainText("Edit warring over the norias section");

  // Signed out, the log is public and the padlock stays.
  await page.context().clearCookies();
  await page.goto("/wiki/Hama/log");
  await expect(page.locator(".protection-log li").first()).toContainText("semi-protected");
});

test("non-admins are told why they cannot protect", async ({ page }) => {
  await signIn(page, "veteran", "wiki-demo-password");
  await expect(page.locator(".site-account")).toContainText("veteran");
  await page.goto("/wiki/Hama/protect");
  await expect(page.getByRole("note")).toContainText("Only administrators can change the protection of articles.");
});
