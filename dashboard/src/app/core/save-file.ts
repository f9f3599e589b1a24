// Hands a downloaded file (an export, a report) to the browser under the name the server gave it.

export function saveFile(document: Document, file: { blob: Blob; name: string }): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
