/**
 * Dates every entry of a zip file (an XLSX workbook) at one moment. The zip library the
 * workbook writer uses stamps each entry with the clock, so the same workbook written two
 * seconds apart differs in those bytes; stamping them with the report's date makes the file
 * depend on the report only (OUT-3). The dates sit in each local header and each central
 * directory entry (PKWARE APPNOTE.TXT, sections 4.3.7 and 4.3.12: MS-DOS time and date);
 * no checksum covers them.
 */
export function withZipEntryDates(zip: Uint8Array, at: Date): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  // The end of central directory record: 22 bytes and a comment of at most 65,535.
  let end = -1;
  for (let i = out.length - 22; i >= 0 && i >= out.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip file: no end of central directory record");
  const entries = view.getUint16(end + 10, true);
  let entry = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(entry, true) !== 0x02014b50)
      throw new Error(`zip central directory entry ${n} is damaged`);
    view.setUint16(entry + 12, time, true);
    view.setUint16(entry + 14, date, true);
    const local = view.getUint32(entry + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50)
      throw new Error(`zip local header of entry ${n} is damaged`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    entry +=
      46 +
      view.getUint16(entry + 28, true) +
      view.getUint16(entry + 30, true) +
      view.getUint16(entry + 32, true);
  }
  return out;
}
