// Excel workbooks made in a test by write-excel-file, as a spreadsheet program saves them: text,
// numbers, and date cells with a date format.
import writeExcelFile from 'write-excel-file/node';

export type XlsxCell = string | number | { date: string };

export async function makeXlsx(rows: readonly (readonly XlsxCell[])[]): Promise<Uint8Array> {
  const sheet = rows.map((row) => row.map((cell) => (typeof cell === 'object'
    ? { value: new Date(`${cell.date}T00:00:00Z`), format: 'dd-mm-yyyy' }
    : { value: cell })));
  return new Uint8Array(await writeExcelFile(sheet as never).toBuffer());
}
