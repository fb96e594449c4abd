import { Console } from './Console';
import { CreateSession } from './CreateSession';
import '../online/online.css';
import '../session/session.css';

/** /console (set up a session) and /console/ID (run it). */
export default function ConsoleApp({ sessionID }: { sessionID: string }) {
  return sessionID ? <Console key={sessionID} sessionID={sessionID} /> : <CreateSession />;
}
