import { datapolicy } from '../src/index.js';

/** The password every test tries to leak. */
export const PASSWORD = 'hunter2';

/** A class with one tagged field, the shape of Kubernetes' `datapolicy:"password"` struct tag. */
export class Credentials {
  user: string;
  @datapolicy('password') password: string;

  constructor(user = 'alice', password: string = PASSWORD) {
    this.user = user;
    this.password = password;
  }
}

/** Credentials whose `toString` prints the password, as a careless `user:password` formatter would. */
export class PrintableCredentials extends Credentials {
  override toString(): string {
    return `${this.user}:${this.password}`;
  }
}
