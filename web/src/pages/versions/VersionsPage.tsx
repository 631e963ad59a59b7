// Owned by the page's builder; replaced as the page is built.
export function VersionsPage() {
  return <section className="page"><h1>VersionsPage</h1></section>;
}
