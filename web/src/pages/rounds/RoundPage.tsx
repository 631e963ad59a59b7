// Owned by the page's builder; replaced as the page is built.
export function RoundPage() {
  return <section className="page"><h1>RoundPage</h1></section>;
}
