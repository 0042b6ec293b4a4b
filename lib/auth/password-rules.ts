/** Password length limits. The maximum only bounds hashing work. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

// The most common passwords of public breach corpora (top of the lists),
// lower-cased; anything here is refused whatever its length.
const COMMON_PASSWORDS = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty1 111111 12345 secret 123123 1234567890 1234567 000000 qwerty abc123
  password1 iloveyou 1q2w3e4r 123321 654321 qwertyuiop 123456a a123456 666666 asdfghjkl 987654321 zxcvbnm 112233 123qwe
  1qaz2wsx 11111111 00000000 12341234 88888888 87654321 password123 passw0rd p@ssw0rd p@ssword welcome welcome1 letmein
  letmein1 football baseball dragon monkey sunshine princess master shadow superman trustno1 michael jennifer hunter2
  starwars whatever freedom computer internet administrator admin123 admin1234 changeme changeme123 default
  qazwsxedc zaq12wsx 1q2w3e4r5t 1qazxsw2 q1w2e3r4 q1w2e3r4t5 asdf1234 abcd1234 abcdefg1 abcdefgh aaaaaaaa iloveyou1
  11223344 12344321 12121212 qwer1234 password12 password2 loveyou1 batman123 football1 whatever1 trustno1!
  wikipedia wikipedia1 wiki1234 mediawiki encyclopedia`
    .split(/\s+/)
    .filter(Boolean),
);

/** Why a password cannot be used, or null. */
export function passwordProblem(password: string, username?: string): string | null {
  if ([...password].length < PASSWORD_MIN) return `Passwords need at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Passwords can have at most ${PASSWORD_MAX} characters.`;
  if (COMMON_PASSWORDS.has(password.toLocaleLowerCase("en")))
    return "That password is one of the most common ones; choose another.";
  if (username && password.toLocaleLowerCase("en").includes(username.toLocaleLowerCase("en")))
    return "Passwords cannot contain the username.";
  if (new Set(password).size < 3) return "That password repeats too few characters; choose another.";
  return null;
}
