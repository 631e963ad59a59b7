// Owned by the page's builder; replaced as the page is built.
export function WorkspacePage() {
  return <section className="page"><h1>WorkspacePage</h1></section>;
}
