import { build } from './harness';

/** One production build for all the browser tests. */
export default function setup(): void {
  build();
}
