import registry from '../../rules/documents.json';
import { issue, ValidationError } from '../errors.js';
import { documentRegistrySchema, type MatterKind, type RegulatoryDocument } from '../schema/documents.js';
import { parseWith } from '../schema/parse.js';

let documents: ReadonlyMap<string, RegulatoryDocument> | undefined;

/** The documents rules may be imposed by and profiles may hold in force (rules/documents.json), validated once. */
export function bundledDocuments(): ReadonlyMap<string, RegulatoryDocument> {
  if (!documents) {
    const parsed = parseWith(documentRegistrySchema, registry, 'rules/documents.json');
    const byId = new Map<string, RegulatoryDocument>();
    const problems = parsed.documents.flatMap((document, index) => {
      const duplicate = byId.has(document.id);
      byId.set(document.id, document);
      return duplicate ? [issue(`$.documents[${index}].id`, document.id, 'an id used once')] : [];
    });
    if (problems.length) throw new ValidationError('rules/documents.json', problems);
    documents = byId;
  }
  return documents;
}

/** The document, or a ValidationError at `path` listing the known ids. */
export function documentById(id: string, where: string, path: string): RegulatoryDocument {
  const document = bundledDocuments().get(id);
  if (!document) throw new ValidationError(where, [issue(path, id, `a document id from rules/documents.json (${[...bundledDocuments().keys()].join(', ')})`)]);
  return document;
}

/**
 * What a subject holds: one kind of matter (a case), matters of several kinds (a catalogue, whose rules check each
 * matter's kind themselves), or none (a roster, an inquiry).
 */
export type SubjectMatter = MatterKind | 'several' | undefined;

/** Whether the document governs the subject: a document limited to some kinds of matter governs no subject without one. */
export function documentCovers(document: RegulatoryDocument, matter: SubjectMatter): boolean {
  if (document.covers === undefined || matter === 'several') return true;
  return matter !== undefined && document.covers.includes(matter);
}
