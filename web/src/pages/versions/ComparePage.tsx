// Owned by the page's builder; replaced as the page is built.
export function ComparePage() {
  return <section className="page"><h1>ComparePage</h1></section>;
}
