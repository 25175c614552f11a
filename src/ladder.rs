//! Career ladders as a graph: roles are nodes (by position), moves are edges in the order the
//! data lists them. Two questions are asked of it: the shortest ways from one role to another
//! (`hi path`), and whether moves lead round in a circle (`hi data check`, through `load`).
//!
//! Both are plain breadth-first and depth-first walks, linear in roles and moves, with no
//! recursion, so a large catalog neither takes long nor overflows the stack. This module knows
//! nothing of records: `build.rs` compiles it with the loader.

use std::collections::VecDeque;

/// The moves out of each role, by position: `next[a]` lists the roles `a` leads to.
pub type Moves = [Vec<usize>];

/// The shortest ways from one role to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortest {
    /// How many moves each shortest way takes; `None` when there is no way at all.
    pub moves: Option<usize>,
    /// How many shortest ways there are (saturating: a large catalog can have more than fit).
    pub ways: u64,
    /// The first of them in the order the data lists the moves, at most the limit asked for;
    /// each way is every role on it, the start and the end included.
    pub paths: Vec<Vec<usize>>,
}

/// Every way from `from` to `to` that takes the fewest moves: how many moves, how many ways,
/// and the first `limit` of them. From a role to itself there is one way, of no moves.
pub fn shortest(next: &Moves, from: usize, to: usize, limit: usize) -> Shortest {
    let distance = distances(next, from, to);
    let Some(moves) = distance[to] else {
        return Shortest {
            moves: None,
            ways: 0,
            paths: Vec::new(),
        };
    };
    // Only the roles some shortest way passes through: one step further from `from` each move,
    // and able to reach `to` in the moves that remain.
    let mut on_way = vec![false; next.len()];
    on_way[to] = true;
    let mut by_distance: Vec<usize> = (0..next.len()).filter(|&r| distance[r].is_some()).collect();
    by_distance.sort_by_key(|&r| std::cmp::Reverse(distance[r]));
    for &role in &by_distance {
        let further = |&n: &usize| distance[n] == distance[role].map(|d| d + 1) && on_way[n];
        if role != to && next[role].iter().any(further) {
            on_way[role] = true;
        }
    }
    let (on_way, distance) = (&on_way, &distance);
    let steps = |role: usize| {
        let further = distance[role].map(|d| d + 1);
        next[role]
            .iter()
            .copied()
            .filter(move |&n| on_way[n] && distance[n] == further)
    };
    // The number of ways into each role, counted nearest first.
    let mut ways = vec![0u64; next.len()];
    ways[from] = 1;
    for &role in by_distance.iter().rev().filter(|&&r| on_way[r]) {
        for n in steps(role) {
            ways[n] = ways[n].saturating_add(ways[role]);
        }
    }
    Shortest {
        moves: Some(moves),
        ways: ways[to],
        paths: first_paths(from, to, limit, steps),
    }
}

/// The number of moves from `from` to every role it reaches; the walk stops at the distance
/// of `to`, since no shortest way goes further.
fn distances(next: &Moves, from: usize, to: usize) -> Vec<Option<usize>> {
    let mut distance = vec![None; next.len()];
    distance[from] = Some(0);
    let mut queue = VecDeque::from([from]);
    while let Some(role) = queue.pop_front() {
        let here = distance[role].unwrap_or(0);
        if distance[to].is_some_and(|d| here >= d) {
            break;
        }
        for &n in &next[role] {
            if distance[n].is_none() {
                distance[n] = Some(here + 1);
                queue.push_back(n);
            }
        }
    }
    distance
}

/// The first `limit` ways from `from` to `to`, depth first through `steps`, which leads only
/// along shortest ways: every branch ends at `to`, so each way costs its length.
fn first_paths<I: Iterator<Item = usize>>(
    from: usize,
    to: usize,
    limit: usize,
    steps: impl Fn(usize) -> I,
) -> Vec<Vec<usize>> {
    let mut paths = Vec::new();
    let mut path = vec![from];
    let mut pending: Vec<I> = vec![steps(from)];
    while paths.len() < limit {
        if path.last() == Some(&to) {
            paths.push(path.clone());
            path.pop();
            pending.pop();
            continue;
        }
        let Some(branches) = pending.last_mut() else {
            break;
        };
        match branches.next() {
            Some(n) => {
                path.push(n);
                pending.push(steps(n));
            }
            None => {
                path.pop();
                pending.pop();
            }
        }
    }
    paths
}

/// The groups of roles whose moves lead round in a circle (strongly connected components of
/// more than one role, or one role that leads to itself), each in the order of its roles.
pub fn cycles(next: &Moves) -> Vec<Vec<usize>> {
    let mut tarjan = Tarjan::new(next.len());
    for role in 0..next.len() {
        if tarjan.index[role].is_none() {
            tarjan.visit(next, role);
        }
    }
    let mut found: Vec<Vec<usize>> = tarjan
        .components
        .into_iter()
        .filter(|c| c.len() > 1 || next[c[0]].contains(&c[0]))
        .map(|mut c| {
            c.sort_unstable();
            c
        })
        .collect();
    found.sort();
    found
}

/// One circle of moves through the first role of `group` (a group `cycles` found), as the
/// roles in order, that first role at both ends.
pub fn circle(next: &Moves, group: &[usize]) -> Vec<usize> {
    let Some(&start) = group.first() else {
        return Vec::new();
    };
    // Breadth first from the start, inside the group, until a move leads back to it.
    let mut came_from: Vec<Option<usize>> = vec![None; next.len()];
    let mut queue = VecDeque::from([start]);
    while let Some(role) = queue.pop_front() {
        for &n in &next[role] {
            if n == start {
                // Built backwards, from the last move to the first.
                let mut circle = vec![start];
                let mut at = role;
                while at != start {
                    circle.push(at);
                    at = came_from[at].unwrap_or(start);
                }
                circle.push(start);
                circle.reverse();
                return circle;
            }
            if group.contains(&n) && came_from[n].is_none() {
                came_from[n] = Some(role);
                queue.push_back(n);
            }
        }
    }
    Vec::new()
}

/// Tarjan's strongly connected components, walked with an explicit stack.
struct Tarjan {
    index: Vec<Option<usize>>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    next_index: usize,
    components: Vec<Vec<usize>>,
}

impl Tarjan {
    fn new(roles: usize) -> Tarjan {
        Tarjan {
            index: vec![None; roles],
            low: vec![0; roles],
            on_stack: vec![false; roles],
            stack: Vec::new(),
            next_index: 0,
            components: Vec::new(),
        }
    }

    fn enter(&mut self, role: usize) {
        self.index[role] = Some(self.next_index);
        self.low[role] = self.next_index;
        self.next_index += 1;
        self.stack.push(role);
        self.on_stack[role] = true;
    }

    fn visit(&mut self, next: &Moves, root: usize) {
        // Each frame: a role and how many of its moves have been followed.
        let mut frames = vec![(root, 0)];
        self.enter(root);
        while let Some(&mut (role, ref mut followed)) = frames.last_mut() {
            if let Some(&n) = next[role].get(*followed) {
                *followed += 1;
                match self.index[n] {
                    None => {
                        self.enter(n);
                        frames.push((n, 0));
                    }
                    Some(i) if self.on_stack[n] => self.low[role] = self.low[role].min(i),
                    Some(_) => {}
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                self.low[parent] = self.low[parent].min(self.low[role]);
            }
            if Some(self.low[role]) == self.index[role] {
                let mut component = Vec::new();
                while let Some(member) = self.stack.pop() {
                    self.on_stack[member] = false;
                    component.push(member);
                    if member == role {
                        break;
                    }
                }
                self.components.push(component);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A graph of `roles` roles from (from, to) moves, listed in order.
    fn graph(roles: usize, moves: &[(usize, usize)]) -> Vec<Vec<usize>> {
        let mut next = vec![Vec::new(); roles];
        for &(a, b) in moves {
            next[a].push(b);
        }
        next
    }

    #[test]
    fn no_way_when_no_move_leads_there() {
        let next = graph(4, &[(0, 1), (2, 3), (3, 2)]);
        let found = shortest(&next, 0, 3, 10);
        assert_eq!(found.moves, None);
        assert_eq!(found.ways, 0);
        assert!(found.paths.is_empty());
        // Moves run one way only.
        assert_eq!(shortest(&next, 1, 0, 10).moves, None);
    }

    #[test]
    fn one_way_is_found_with_every_role_on_it() {
        let next = graph(5, &[(0, 1), (1, 2), (2, 3), (3, 4), (1, 4)]);
        let found = shortest(&next, 0, 4, 10);
        assert_eq!(found.moves, Some(2));
        assert_eq!(found.ways, 1);
        assert_eq!(found.paths, vec![vec![0, 1, 4]]);
    }

    #[test]
    fn every_shortest_way_is_found_in_the_order_the_moves_are_listed() {
        // 0 → 1 → 3 and 0 → 2 → 3 take two moves; 0 → 4 → 5 → 3 takes three.
        let next = graph(6, &[(0, 1), (0, 2), (0, 4), (1, 3), (2, 3), (4, 5), (5, 3)]);
        let found = shortest(&next, 0, 3, 10);
        assert_eq!(found.moves, Some(2));
        assert_eq!(found.ways, 2);
        assert_eq!(found.paths, vec![vec![0, 1, 3], vec![0, 2, 3]]);
    }

    #[test]
    fn many_ways_are_counted_in_full_and_listed_up_to_the_limit() {
        // Ten layers of two roles, each leading to both of the next: 2^9 ways across.
        let mut moves = Vec::new();
        for layer in 0..9 {
            for a in 0..2 {
                for b in 0..2 {
                    moves.push((1 + layer * 2 + a, 1 + (layer + 1) * 2 + b));
                }
            }
        }
        moves.extend([(0, 1), (0, 2), (19, 21), (20, 21)]);
        let next = graph(22, &moves);
        let found = shortest(&next, 0, 21, 5);
        assert_eq!(found.moves, Some(11));
        assert_eq!(found.ways, 1024);
        assert_eq!(found.paths.len(), 5);
        for path in &found.paths {
            assert_eq!(path.len(), 12);
            assert!(path.windows(2).all(|w| next[w[0]].contains(&w[1])));
        }
        assert_eq!(shortest(&next, 0, 21, 0).paths.len(), 0);
    }

    #[test]
    fn a_role_is_its_own_way_of_no_moves() {
        let next = graph(2, &[(0, 1)]);
        let found = shortest(&next, 1, 1, 3);
        assert_eq!((found.moves, found.ways), (Some(0), 1));
        assert_eq!(found.paths, vec![vec![1]]);
    }

    #[test]
    fn a_search_ends_even_where_the_data_has_a_circle() {
        let next = graph(4, &[(0, 1), (1, 2), (2, 0), (2, 3)]);
        let found = shortest(&next, 0, 3, 10);
        assert_eq!(found.moves, Some(3));
        assert_eq!(found.paths, vec![vec![0, 1, 2, 3]]);
    }

    #[test]
    fn circles_are_found_and_a_ladder_has_none() {
        let ladder = graph(4, &[(0, 1), (0, 2), (1, 3), (2, 3)]);
        assert!(cycles(&ladder).is_empty());
        // 1 → 2 → 3 → 1 is a circle; 4 leads to itself; 0 and 5 are on no circle.
        let next = graph(6, &[(0, 1), (1, 2), (2, 3), (3, 1), (4, 4), (3, 5)]);
        assert_eq!(cycles(&next), vec![vec![1, 2, 3], vec![4]]);
        assert_eq!(circle(&next, &[1, 2, 3]), vec![1, 2, 3, 1]);
        assert_eq!(circle(&next, &[4]), vec![4, 4]);
    }

    #[test]
    fn a_long_chain_is_walked_without_recursion() {
        let roles = 200_000;
        let moves: Vec<(usize, usize)> = (0..roles - 1).map(|r| (r, r + 1)).collect();
        let mut next = graph(roles, &moves);
        assert!(cycles(&next).is_empty());
        assert_eq!(shortest(&next, 0, roles - 1, 1).moves, Some(roles - 1));
        next[roles - 1].push(0);
        assert_eq!(cycles(&next).len(), 1);
    }
}
