// Owned by the page's builder; replaced as the page is built.
export function MapPage() {
  return <section className="page"><h1>MapPage</h1></section>;
}
