// Extracts people, organisations and places from the text files named on
// the command line with the npm package compromise, the way Byline's
// scripts/compare-compromise.sh needs it: one pass, then a JSON summary
// (articles, seconds, entity counts) on stdout. Timing covers reading and
// tagging, not Node's start-up or loading compromise.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

const files = process.argv.slice(2);
const start = process.hrtime.bigint();
let people = 0, organizations = 0, places = 0;
for (const f of files) {
  const doc = nlp(readFileSync(f, 'utf8'));
  people += doc.people().out('array').length;
  organizations += doc.organizations().out('array').length;
  places += doc.places().out('array').length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ articles: files.length, seconds, people, organizations, places }));
