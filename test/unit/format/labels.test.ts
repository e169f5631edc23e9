import { describe, expect, it } from 'vitest';
import { placeOf } from '../../../lib/format/labels';

describe('where a link sits', () => {
  it('is the comment, the archive post or the region; for page furniture, which part of the page', () => {
    expect(placeOf({ region: 'comments', comment: { author: 'Penny', date: '2025-07-02' } })).toBe(
      'comment by Penny on 2025-07-02',
    );
    expect(placeOf({ region: 'article', post: { title: 'Kurdistan', date: '2018-01-31' } })).toBe(
      'post “Kurdistan” (2018-01-31)',
    );
    expect(placeOf({ region: 'article' })).toBe('article');
    expect(placeOf({ region: 'chrome', why: 'sidebar' })).toBe('sidebar');
    expect(placeOf({ region: 'chrome', why: 'meta' })).toBe('post details');
    expect(placeOf({ region: 'chrome', why: 'empty' })).toBe('empty link');
    expect(placeOf({ region: 'chrome', why: 'author' })).toBe('comment author');
    expect(placeOf({ region: 'chrome' })).toBe('page furniture');
  });
});
