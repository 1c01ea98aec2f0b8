import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  root,
  plugins: [react()],
  resolve: { alias: { "@": path.join(root, "src"), "@domain": path.join(root, "../src/domain") } },
  build: { outDir: path.join(root, "dist"), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
