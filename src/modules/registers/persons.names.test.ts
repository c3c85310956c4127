import { describe, expect, it } from 'vitest';
import { fullNameKey } from './persons.names.js';

describe('the full name a persons search takes', () => {
  it.each([
    ['Демонстрационов Вымысел Тестович', 'демонстрационов вымысел тестович'],
    ['  демонстрационов   ВЫМЫСЕЛ  тестович ', 'демонстрационов вымысел тестович'],
    ['Сынақбаев Үлгі', 'сынақбаев үлгі'],
    ['Ёлкин Пётр Семёнович', 'елкин петр семенович'],
    ['Әли-Мұхаммед Нұрлан', 'әли-мұхаммед нұрлан'],
  ])('takes %j as %j', (text, key) => {
    expect(fullNameKey(text)).toEqual({ ok: true, key, words: key.split(' ').length });
  });

  it.each([
    ['Демонстрационов', 'too_few_words'],
    ['Демонстрационов*', 'not_a_name'],
    ['Демо% Вымысел', 'not_a_name'],
    ['Демонстрационов В. Т.', 'not_a_name'],
    ['Демонстрационов В Т', 'initial_or_short_word'],
    ['Демонстрационов _ _', 'not_a_name'],
    ['Иванов Иван 1980', 'not_a_name'],
    ['', 'not_a_name'],
    [`${'а'.repeat(150)} ${'б'.repeat(60)}`, 'too_long'],
  ])('refuses %j (%s): a partial name is a sweep', (text, reason) => {
    expect(fullNameKey(text)).toEqual({ ok: false, reason });
  });
});
