// Owned by the page's builder; replaced as the page is built.
export function RecordPage() {
  return <section className="page"><h1>RecordPage</h1></section>;
}
