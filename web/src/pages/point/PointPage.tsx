// Owned by the page's builder; replaced as the page is built.
export function PointPage() {
  return <section className="page"><h1>PointPage</h1></section>;
}
