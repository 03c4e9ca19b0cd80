import { timingSafeEqual } from 'node:crypto';
import { datapolicy } from '@klog-ts/sanitizer';

/** An account. Its password is tagged: the sanitizer redacts it wherever a User reaches a log line. */
export class User {
  readonly name: string;
  @datapolicy('password') readonly password: string;

  constructor(name: string, password: string) {
    this.name = name;
    this.password = password;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The accounts the service knows. */
export class UserStore {
  readonly #users: ReadonlyMap<string, User>;

  constructor(users: readonly User[]) {
    this.#users = new Map(users.map((user) => [user.name, user]));
  }

  /** The user with these credentials, or undefined. */
  authenticate(name: string, password: string): User | undefined {
    const user = this.#users.get(name);
    return user !== undefined && sameText(user.password, password) ? user : undefined;
  }
}
