import { rules } from '../../src/core/rules/index.js';

describe('the rule registry', () => {
  it('has unique ids in catalogue order', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const families = ['CFG', 'DF', 'BS', 'TD', 'AS', 'ID', 'PL', 'XF'];
    const key = (id: string) => families.indexOf(id.split('-')[0]) * 1000 + Number(id.split('-')[1]);
    expect([...ids].sort((a, b) => key(a) - key(b))).toEqual(ids);
  });

  it('covers at least 60 rules, every XF rule of the catalogue among them', () => {
    expect(rules.length).toBeGreaterThanOrEqual(60);
    for (let i = 1; i <= 14; i++) expect(rules.map((r) => r.id)).toContain(`XF-${String(i).padStart(2, '0')}`);
  });

  it('documents every rule with what, why and examples', () => {
    for (const r of rules) {
      expect(r.docs.what.length).toBeGreaterThan(20);
      expect(r.docs.why.length).toBeGreaterThan(20);
      expect(r.docs.bad.length + r.docs.good.length).toBeGreaterThan(1);
    }
  });
});
