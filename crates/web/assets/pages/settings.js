// Drawn by a later change.
export async function render(main) {
  main.innerHTML = '<h1>Not here yet</h1>';
}
