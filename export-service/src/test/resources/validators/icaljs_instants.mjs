// Reads an iCalendar or jCal file with ical.js (Mozilla's parser, what Thunderbird uses) and prints what it
// understood of every VEVENT as JSON: UID, start and end as POSIX seconds after resolving TZIDs through the file's
// own VTIMEZONEs (a zone ical.js cannot resolve comes out floating and fails), STATUS, SEQUENCE and SUMMARY.
// Usage: node icaljs_instants.mjs <ical.js module path> <file> ics|jcal
import { readFileSync } from 'node:fs';

const [, , modulePath, file, kind] = process.argv;
const ICAL = (await import(modulePath)).default;
const text = readFileSync(file, 'utf8');
const root = new ICAL.Component(kind === 'jcal' ? JSON.parse(text) : ICAL.parse(text));
for (const zone of root.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(zone);
}
const seconds = (time) => {
  if (!time) return null;
  if (time.isDate) throw new Error('a date where a date-time was expected');
  if (time.zone === ICAL.Timezone.localTimezone || !time.zone) throw new Error('floating time ' + time.toString());
  return time.toUnixTime();
};
const events = root.getAllSubcomponents('vevent').map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    start: seconds(event.startDate),
    end: component.hasProperty('dtend') ? seconds(event.endDate) : null,
    status: component.getFirstPropertyValue('status'),
    sequence: event.sequence || 0,
    summary: event.summary,
  };
});
console.log(JSON.stringify({ name: root.getFirstPropertyValue('x-wr-calname'), events }));
