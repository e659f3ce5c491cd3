import { defineMessages } from '../i18n/messages.js';

/** Warnings and notes of the KPI reader, in the three languages. */
export const km = defineMessages({
  en: {
    notNumber: 'expected a number, found {found}',
    notDate: 'expected a date or month, found {found}',
    noDate: 'row has values but no date or month; skipped',
    weekOnMonths: 'the data has months only; a week cannot be cut from them',
    mismatch: '{metric}: {summary} here, but the detail rows add up to {detail}; the detail rows are used',
    noHolidays: 'no Chinese holiday data for {years}: working days there are counted Monday to Friday',
    noDimension: 'no column for "{by}" in the data; its breakdown is empty',
    ratioAveraged:
      '{metric}: a rate in detail rows cannot be rolled up without its numerator and denominator; give both columns',
    matrix: 'skipped: months as column headers (a matrix for people, not data)',
    noHeader: 'skipped: no recognisable header row in the first 40 rows',
    empty: 'skipped: empty sheet',
    flatTargets: 'skipped: targets without a period, because this file has a targets sheet by period',
  },
  'zh-CN': {
    notNumber: '应为数字，实际是 {found}',
    notDate: '应为日期或月份，实际是 {found}',
    noDate: '该行有数值但没有日期或月份，已跳过',
    weekOnMonths: '数据只有月度粒度，无法截取某一周',
    mismatch: '{metric}：此处为 {summary}，但明细行合计为 {detail}；以明细行为准',
    noHolidays: '没有 {years} 年的节假日数据：该年工作日按周一至周五计算',
    noDimension: '数据中没有“{by}”列，该维度的拆分为空',
    ratioAveraged: '{metric}：明细行中的比率不能直接汇总（不能取平均），请同时提供分子和分母两列',
    matrix: '已跳过：列标题是月份（给人看的矩阵表，不是数据）',
    noHeader: '已跳过：前 40 行中没有可识别的表头',
    empty: '已跳过：空工作表',
    flatTargets: '已跳过：无期间的目标表（本文件已有按期间的目标表）',
  },
  'zh-TW': {
    notNumber: '應為數字，實際是 {found}',
    notDate: '應為日期或月份，實際是 {found}',
    noDate: '該列有數值但沒有日期或月份，已略過',
    weekOnMonths: '資料只有月度粒度，無法擷取某一週',
    mismatch: '{metric}：此處為 {summary}，但明細列合計為 {detail}；以明細列為準',
    noHolidays: '沒有 {years} 年的國定假日資料：該年工作日按週一至週五計算',
    noDimension: '資料中沒有「{by}」欄，該維度的拆分為空',
    ratioAveraged: '{metric}：明細列中的比率不能直接彙總（不能取平均），請同時提供分子與分母兩欄',
    matrix: '已略過：欄標題是月份（給人看的矩陣表，不是資料）',
    noHeader: '已略過：前 40 列中沒有可辨識的表頭',
    empty: '已略過：空工作表',
    flatTargets: '已略過：無期間的目標表（本檔案已有按期間的目標表）',
  },
});
