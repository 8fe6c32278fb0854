/**
 * The heap models of std's collections, one module per kind of storage (each names the rustc 1.95
 * source it follows), checked against a counting global allocator by test/unit/heapCost.test.ts.
 * This facade is what the rest of the code imports.
 */
export type { ElemLayout, HeapCost, Range } from './types';
export { formatCount, formatRange } from './types';
export { minNonZeroCap, vecCapacitySteps, vecPushCost, vecShrunkCost, vecWithCapacityCost } from './rawVec';
export { bucketsToCapacity, capacityToBuckets, groupWidth, hashMapInsertCost, tableBlock, tableSteps } from './hashTable';
export { BTREE_CAPACITY, btreeInsertCost, btreeNodes, type BTreeCost, type BTreeNodes } from './btree';
export { boxCost, linkedListCost, rcCost } from './boxes';
export { collectionBreakdown, unknownIn, heapOfTy, stdHeapOwner, heapFigure, heapSeries, type CollectionBreakdown, type CollectionPlan, type HeapFigure, type Owned, type SeriesPoint } from './owned';
export { heapChart, type HeapChartData, type HeapChartSeries } from './chart';
export { heapReport, type HeapReport } from './report';
