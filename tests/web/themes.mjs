// Light and dark themes: placeholder while the themes are being built.
export async function themes() {}
