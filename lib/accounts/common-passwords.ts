/**
 * R-SU-03: passwords refused because they are common (NIST 800-63B "blocklist"). Drawn from the most
 * frequent entries of public breach corpora that would otherwise pass the composition rules (letters and
 * digits, ≥ 8 characters), plus simple variants. Compared case-insensitively.
 */
const COMMON = `
password1 password12 password123 password1234 passw0rd p@ssw0rd passw0rd1 password01 password2 password9
abc12345 abc123456 abcd1234 abcde12345 a1b2c3d4 a1b2c3d4e5 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qaz2wsx3edc
qwerty12 qwerty123 qwerty1234 qwe12345 qwer1234 qwert123 q1w2e3r4 q1w2e3r4t5 zaq12wsx zxcvbn123 asdf1234
asdfgh123 asd12345 12345abc 123456abc 123abc123 1234qwer 123qwe123 12qwaszx iloveyou1 iloveyou2 iloveu123
welcome1 welcome123 welcome2 letmein1 letmein123 monkey123 dragon123 master123 sunshine1 shadow123 princess1
football1 baseball1 superman1 batman123 trustno1 michael1 charlie1 jordan23 jennifer1 hunter123 killer123
computer1 internet1 freedom1 whatever1 starwars1 pokemon123 samsung123 huawei123 huaweicloud1 cloud1234
admin123 admin1234 administrator1 root1234 test1234 test12345 testing123 changeme1 secret123 default1
summer2024 summer2025 summer2026 winter2024 winter2025 winter2026 spring2025 autumn2025 january2025
abc123abc aa123456 aaa12345 qq123456 woaini1314 woaini520 5201314a a5201314 a123456789 a12345678 a1234567
aa12345678 abc123456789 1234567a 12345678a 123456789a 1234567890a zxc123456 wang1234 li123456 zhang123
mypassword1 newpassword1 pass1234 pass12345 password2024 password2025 password2026 qwertyuiop1 asdfghjkl1
`;

// Built on first use, not at module load: a module-level `new Set(...)` counts as a side effect, so every bundle
// importing lib/accounts/rules.ts carried the list (issue 10, bundle budget: -1.3 KB where no password is checked).
let list: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  list ??= new Set(COMMON.split(/\s+/).filter(Boolean));
  return list.has(password.toLowerCase());
}
