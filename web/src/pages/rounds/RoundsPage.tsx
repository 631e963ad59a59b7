// Owned by the page's builder; replaced as the page is built.
export function RoundsPage() {
  return <section className="page"><h1>RoundsPage</h1></section>;
}
