// Owned by the page's builder; replaced as the page is built.
export function StatementsPage() {
  return <section className="page"><h1>StatementsPage</h1></section>;
}
