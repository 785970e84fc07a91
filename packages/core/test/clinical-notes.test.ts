import fc from 'fast-check';
import { describe, it } from 'vitest';
import { mayAmendNote } from '../src/clinical-notes';
import { STAFF_ROLES } from '../src/constants';

const role = fc.constantFrom(...STAFF_ROLES);

describe('mayAmendNote', () => {
  it('lets the author amend their own note, whatever their role', () => {
    fc.assert(fc.property(fc.uuid(), role, (id, r) => mayAmendNote({ userId: id, role: r }, { authorId: id })));
  });

  it("lets an admin amend anyone's note", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (id, author) =>
        mayAmendNote({ userId: id, role: 'admin' }, { authorId: author }),
      ),
    );
  });

  it("refuses everyone else another person's note", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), role, (id, author, r) => {
        fc.pre(id !== author && r !== 'admin');
        return !mayAmendNote({ userId: id, role: r }, { authorId: author });
      }),
    );
  });
});
