import { z } from 'zod'
import { ArticleId, ArticleSummary } from './article'
import { CollectionId } from './collections'
import { Empty, procedure } from './procedure'

/**
 * Saving from the browser: the Dateline browser extension (paired once with a short code, then
 * holding its own token), the `dateline://add?url=…` link handler and the bookmarklet that uses
 * it. Joined into src/shared/contract.ts. The extension itself reaches Dateline through
 * /extension/v1/* (src/main/extension/extension-routes.ts), which calls these procedures.
 */

/** The port the desktop app listens on for the extension, and `dateline serve`'s default. */
export const EXTENSION_PORT = 4417

/** Largest serialised page the extension may send (characters of HTML), as for a paste. */
export const MAX_PAGE_CHARS = 10 * 1024 * 1024
export const MAX_URL_CHARS = 8192

/** A web address the person saves: http or https only, no credentials, at most 8,192 characters. */
export const WebAddress = z
  .string()
  .max(MAX_URL_CHARS, 'A web address is at most 8,192 characters')
  .refine((raw) => {
    try {
      const url = new URL(raw)
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
    } catch {
      return false
    }
  }, 'Give a web address starting with http:// or https://, without a user name or password in it')

export const SavePageInput = z
  .object({
    /** The address the page was read at, to resolve its links and pictures and to name the article. */
    url: WebAddress,
    /** The page as the person's browser rendered it: the DOM serialised after its scripts ran. */
    html: z
      .string()
      .max(MAX_PAGE_CHARS, 'The page is larger than 10 MB')
      .refine((s) => s.trim().length > 0, 'The page is empty'),
    collectionId: CollectionId.optional(),
  })
  .strict()
export type SavePageInput = z.input<typeof SavePageInput>

export const SaveLinkInput = z.object({ url: WebAddress, collectionId: CollectionId.optional() }).strict()
export type SaveLinkInput = z.input<typeof SaveLinkInput>

/** A page saved by the browser as one file: an MHTML of 60 MB is a page with very many pictures. */
export const MAX_SAVED_PAGE_CHARS = 64 * 1024 * 1024

export const AddSavedPageInput = z
  .object({
    fileName: z.string().min(1).max(1024),
    /** The file's bytes, one character each (a binary string): MHTML is mostly 7-bit text. */
    content: z
      .string()
      .min(1, 'The file is empty')
      .max(MAX_SAVED_PAGE_CHARS, 'The file is larger than 64 MB'),
  })
  .strict()
export type AddSavedPageInput = z.input<typeof AddSavedPageInput>

export const SaveResult = z.object({
  article: ArticleSummary,
  /** The article was in the library already, and its stored copy was replaced. */
  updated: z.boolean(),
  warnings: z.array(z.string()),
  /** The collection it was added to, when one was asked for. */
  collection: z.object({ id: CollectionId, name: z.string() }).nullable(),
})
export type SaveResult = z.infer<typeof SaveResult>

export const PairingCode = z.object({
  /** What the person types into the extension, e.g. "K7QM-2XPD". */
  code: z.string(),
  expiresAt: z.string(),
  /** Wrong codes allowed before this one is void. */
  attempts: z.number().int(),
})
export type PairingCode = z.infer<typeof PairingCode>

export const PairedExtension = z.object({
  id: z.string(),
  /** What the extension called itself when pairing ("Chromium on Linux"). */
  name: z.string(),
  /** chrome-extension://… or moz-extension://…; the token works only from there. */
  origin: z.string(),
  pairedAt: z.string(),
  lastUsedAt: z.string().nullable(),
})
export type PairedExtension = z.infer<typeof PairedExtension>

export const ExtensionRef = z.object({ id: z.string().min(1).max(64) }).strict()

export const extensionProcedures = {
  'extension.startPairing': procedure(
    Empty,
    PairingCode,
    'A new one-time code for pairing a browser extension (it replaces any earlier code)',
  ),
  'extension.cancelPairing': procedure(Empty, z.object({}), 'Void the pairing code shown, if any'),
  'extension.list': procedure(
    Empty,
    z.object({ extensions: z.array(PairedExtension) }),
    'The browser extensions paired with this library',
  ),
  'extension.revoke': procedure(
    ExtensionRef,
    z.object({ revoked: z.boolean() }),
    'Revoke a browser extension: its token stops working at once',
  ),
  'extension.savePage': procedure(
    SavePageInput,
    SaveResult,
    'Save a page as the browser rendered it (its pictures are fetched from their addresses)',
  ),
  'extension.saveLink': procedure(SaveLinkInput, SaveResult, 'Save the article behind a link'),
  'extension.addSavedPage': procedure(
    AddSavedPageInput,
    SaveResult,
    'Save a page the browser saved as a single file (MHTML, Safari .webarchive), with the pictures inside it',
  ),
  'extension.showArticle': procedure(
    z.object({ id: ArticleId }).strict(),
    z.object({}),
    'Bring Dateline forward with this article open',
  ),
} as const

export const extensionEvents = {
  /** A paired extension asked Dateline to show an article. */
  'extension.showArticle': z.object({ id: z.string() }),
  /** A dateline://add link arrived: the window asks the person whether to save this address. */
  'extension.offerSave': z.object({ url: z.string() }),
  /** Pairing finished or a pairing was revoked: the settings list changes. */
  'extension.paired': z.object({ id: z.string(), name: z.string() }),
} as const
