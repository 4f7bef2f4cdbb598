/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the report page before it renders the report's MDX; read by the table components. */
    report?: import('./lib/archive.ts').ArchiveReport;
  }
}
