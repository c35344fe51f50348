// Tailwind CSS 4 runs as a single PostCSS plugin; it finds sources itself.
export default {
  plugins: {
    '@tailwindcss/postcss': {},
  },
};
