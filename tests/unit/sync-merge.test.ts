import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HybridClock, parseClock } from '../../src/main/sync/hlc'
import { checksumOf, decodeLine, encodeChange, splitLines, type Change } from '../../src/main/sync/log-line'
import { mergeChanges, orderMembers, positionBetween, type Register } from '../../src/main/sync/registers'

/**
 * Devices that each change their own copy of a small library (state fields, deletions, collection
 * memberships and their order), hear some of the others' changes part-way through, and finally read
 * every log in any order, some lines twice: they must all end with the same library.
 */

const DEVICES = ['0000000000000001', '0000000000000002', '0000000000000003']
const ARTICLES = ['a1', 'a2', 'a3', 'a4']
const HIGHLIGHTS = ['h1', 'h2', 'h3']

type Step =
  | { kind: 'state'; device: number; article: number; field: 'read' | 'starred' | 'archived'; value: boolean }
  | { kind: 'delete' | 'add'; device: number; article: number }
  | { kind: 'collect'; device: number; article: number; before: number | null }
  | { kind: 'uncollect'; device: number; article: number }
  | { kind: 'highlight'; device: number; highlight: number; note: string | null }
  | { kind: 'hear'; device: number; from: number; lines: number }
  | { kind: 'wait'; ms: number }

const step = (devices: number): fc.Arbitrary<Step> => {
  const device = fc.integer({ min: 0, max: devices - 1 })
  const article = fc.integer({ min: 0, max: ARTICLES.length - 1 })
  return fc.oneof(
    fc.record({
      kind: fc.constant('state' as const),
      device,
      article,
      field: fc.constantFrom('read' as const, 'starred' as const, 'archived' as const),
      value: fc.boolean(),
    }),
    fc.record({ kind: fc.constantFrom('delete' as const, 'add' as const), device, article }),
    fc.record({ kind: fc.constant('collect' as const), device, article, before: fc.option(article) }),
    fc.record({ kind: fc.constant('uncollect' as const), device, article }),
    // A highlight made or its note changed (a string), or removed (null: its tombstone).
    fc.record({
      kind: fc.constant('highlight' as const),
      device,
      highlight: fc.integer({ min: 0, max: HIGHLIGHTS.length - 1 }),
      note: fc.option(fc.constantFrom('', 'check', 'ask')),
    }),
    fc.record({ kind: fc.constant('hear' as const), device, from: device, lines: fc.nat(20) }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3 }) }),
  )
}

interface Device {
  clock: HybridClock
  registers: Map<string, Register>
  log: Change[]
}

/** What a person sees: articles with their states, and the collection in its order. */
function libraryOf(registers: Map<string, Register>): unknown {
  const articles = ARTICLES.filter((id) => registers.get(`article/${id}`)?.value !== null).map((id) => ({
    id,
    read: registers.get(`state/${id}/read`)?.value ?? false,
    starred: registers.get(`state/${id}/starred`)?.value ?? false,
    archived: registers.get(`state/${id}/archived`)?.value ?? false,
  }))
  const members = orderMembers(
    ARTICLES.flatMap((article) => {
      const position = registers.get(`member/c/${article}`)?.value
      return typeof position === 'string' ? [{ article, position }] : []
    }),
  )
  const highlights = HIGHLIGHTS.flatMap((id) => {
    const value = registers.get(`highlight/${id}`)?.value
    return value === undefined || value === null ? [] : [{ id, value }]
  })
  return { articles, collection: members.map((m) => m.article), highlights }
}

function members(registers: Map<string, Register>): { article: string; position: string }[] {
  return orderMembers(
    ARTICLES.flatMap((article) => {
      const position = registers.get(`member/c/${article}`)?.value
      return typeof position === 'string' ? [{ article, position }] : []
    }),
  )
}

function run(devices: number, steps: Step[], finalOrders: number[][], repeats: number[]): unknown[] {
  let wall = 1_700_000_000_000
  const all: Device[] = DEVICES.slice(0, devices).map((id) => ({
    clock: new HybridClock(id, () => wall),
    registers: new Map(),
    log: [],
  }))
  const change = (d: Device, key: string, value: Change['value']): void => {
    const made = { clock: d.clock.tick(), key, value }
    mergeChanges(d.registers, [made])
    d.log.push(made)
  }
  const hear = (d: Device, changes: Change[]): void => {
    for (const c of changes) d.clock.observe(c.clock)
    mergeChanges(d.registers, changes)
  }
  for (const s of steps) {
    if (s.kind === 'wait') {
      wall += s.ms
      continue
    }
    const d = all[s.device]!
    if (s.kind === 'hear') {
      hear(d, all[s.from]!.log.slice(0, s.lines))
      continue
    }
    if (s.kind === 'highlight') {
      const value = s.note === null ? null : { article: ARTICLES[0]!, exact: 'trains', note: s.note }
      change(d, `highlight/${HIGHLIGHTS[s.highlight]!}`, value)
      continue
    }
    const id = ARTICLES[s.article]!
    if (s.kind === 'state') change(d, `state/${id}/${s.field}`, s.value)
    else if (s.kind === 'delete') change(d, `article/${id}`, null)
    else if (s.kind === 'add') change(d, `article/${id}`, { sha: id })
    else if (s.kind === 'uncollect') change(d, `member/c/${id}`, null)
    else if (s.kind === 'collect') {
      const order = members(d.registers).filter((m) => m.article !== id)
      const at = s.before === null ? -1 : order.findIndex((m) => m.article === ARTICLES[s.before as number])
      const low = at === -1 ? (order.at(-1)?.position ?? null) : (order[at - 1]?.position ?? null)
      const high = at === -1 ? null : order[at]!.position
      change(d, `member/c/${id}`, positionBetween(low, high, d.clock.device.slice(-2)))
    }
  }
  // Every device reads every log (its own included), in its own order, some of them twice.
  return all.map((d, i) => {
    const order = finalOrders[i] ?? []
    const logs = [...order, ...all.keys()].map((n) => all[n % devices]!.log)
    for (const [n, log] of logs.entries()) {
      hear(d, log)
      if ((repeats[n] ?? 0) > 0) hear(d, log.slice(0, repeats[n]))
    }
    return libraryOf(d.registers)
  })
}

describe('sync merge rules', () => {
  it('gives every device the same library whatever order and however often the logs arrive', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 3 })
          .chain((devices) =>
            fc.tuple(
              fc.constant(devices),
              fc.array(step(devices), { maxLength: 60 }),
              fc.array(fc.array(fc.nat(5), { maxLength: 6 }), { minLength: devices, maxLength: devices }),
              fc.array(fc.nat(10), { maxLength: 9 }),
            ),
          ),
        ([devices, steps, orders, repeats]) => {
          const libraries = run(devices, steps, orders, repeats)
          for (const library of libraries.slice(1)) expect(library).toEqual(libraries[0])
        },
      ),
      { numRuns: 400 },
    )
  })

  it('keeps a star from one device and a read from the other on the same article', () => {
    const a = { clock: new HybridClock(DEVICES[0]!, () => 1000), registers: new Map<string, Register>() }
    const b = { clock: new HybridClock(DEVICES[1]!, () => 1000), registers: new Map<string, Register>() }
    const star = { clock: a.clock.tick(), key: 'state/a1/starred', value: true }
    const read = { clock: b.clock.tick(), key: 'state/a1/read', value: true }
    mergeChanges(a.registers, [star, read])
    mergeChanges(b.registers, [read, star])
    expect(libraryOf(a.registers)).toEqual(libraryOf(b.registers))
    expect(a.registers.get('state/a1/starred')?.value).toBe(true)
    expect(a.registers.get('state/a1/read')?.value).toBe(true)
  })

  it('orders a later change after one it has heard of, even when the wall clock is behind', () => {
    const ahead = new HybridClock(DEVICES[0]!, () => 5_000)
    const behind = new HybridClock(DEVICES[1]!, () => 1_000)
    const first = ahead.tick()
    behind.observe(first)
    expect(behind.tick() > first).toBe(true)
    expect(parseClock(behind.latest)?.device).toBe(DEVICES[1])
  })
})

describe('fractional positions', () => {
  const position = fc.stringMatching(/^[0-9A-Za-z]{0,6}[1-9A-Za-z]$/)
  it('always finds a position strictly between two others, and at either end', () => {
    fc.assert(
      fc.property(position, position, fc.stringMatching(/^[0-9a-f]{0,3}$/), (x, y, salt) => {
        fc.pre(x !== y)
        const [low, high] = x < y ? [x, y] : [y, x]
        const between = positionBetween(low, high, salt)
        expect(between > low && between < high).toBe(true)
        expect(positionBetween(null, low, salt) < low).toBe(true)
        expect(positionBetween(high, null, salt) > high).toBe(true)
        expect(between).not.toMatch(/0$/)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps making room when articles go again and again to the same place', () => {
    let low = positionBetween(null, null)
    const high = positionBetween(low, null)
    for (let i = 0; i < 200; i++) {
      const next = positionBetween(low, high, 'a7')
      expect(next > low && next < high).toBe(true)
      low = next
    }
  })
})

describe('change log lines', () => {
  it('reads back what was written, and waits for a line without its newline', () => {
    const change: Change = { clock: '1700000000000.0000.0000000000000001', key: 'state/a1/read', value: true }
    const line = encodeChange(change)
    const torn = Buffer.from(line + line.slice(0, 20))
    const chunk = splitLines(torn)
    expect(chunk.lines).toHaveLength(1)
    expect(chunk.lines[0]!.read).toMatchObject({ kind: 'change', change })
    expect(chunk.consumed).toBe(Buffer.byteLength(line))
  })

  it('refuses a line whose checksum does not match, and keeps one from a newer format apart', () => {
    const line = encodeChange({ clock: '1700000000000.0000.0000000000000001', key: 'k', value: 1 }).trimEnd()
    expect(decodeLine(line.replace('"k"', '"j"')).kind).toBe('damaged')
    const json = JSON.stringify({ v: 9, c: 'a clock of another kind', k: 'k', x: 1 })
    expect(decodeLine(`${json}\t${checksumOf(json)}`)).toEqual({ kind: 'newer', version: 9 })
  })
})
