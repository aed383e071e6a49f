// Builds large, realistic OT answers for the benchmarks: a big order and a big line search.

const TITLES = [
  '2026新款女士羊毛大衣 中长款 双面呢',
  '男士加绒卫衣 连帽 宽松潮牌 秋冬款',
  '儿童睡衣套装 纯棉&amp;加绒 &lt;120-160cm&gt;',
  '316不锈钢保温杯 大容量 500ml',
  '&#x4E2D;老年保暖内衣套装 加厚',
];
const CONFIGS = ['颜色:黑色;尺码:M', '颜色:藏青色;尺码:XL', '颜色:奶白色;容量:500ml', '颜色:卡通小熊;尺码:130cm'];
const SELLERS = ['潮流男装工厂店', '义乌小商品批发', '杭州女装旗舰店'];
const STATUSES = [
  ['2', 'Paid'],
  ['6', 'Purchased'],
  ['7', 'Shipped by seller'],
  ['13', 'Cancelled'],
];

const ENVELOPE = '<ErrorCode>Ok</ErrorCode><SubErrorCode/><RequestId>1b7d5a52-0000-4000-8000-5f1a2b3c4d5e</RequestId>';

export function generateOrderDetails(lineCount: number): string {
  const lines = Array.from({ length: lineCount }, (_, index) => `<SalesLine>${lineFields(index)}</SalesLine>`);
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n<SalesOrderDetailsAnswer>' +
    `${ENVELOPE}<RequestTime>812.5</RequestTime><Result>${orderInfo(lineCount)}` +
    `<SalesLinesList>${lines.join('\n')}</SalesLinesList></Result></SalesOrderDetailsAnswer>`
  );
}

export function generateOrderLineSearch(lineCount: number): string {
  const lines = Array.from({ length: lineCount }, (_, index) => `<Item>${lineFields(index)}</Item>`);
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n<OrderLineInfoListFrameAnswer>' +
    `${ENVELOPE}<RequestTime>1532.1</RequestTime><Result><Content>${lines.join('\n')}</Content>` +
    `<TotalCount>${lineCount}</TotalCount></Result></OrderLineInfoListFrameAnswer>`
  );
}

function orderInfo(lineCount: number): string {
  return (
    '<SalesOrderInfo><Id>ORD-0000012345</Id><StatusId>31</StatusId><StatusCode>31</StatusCode>' +
    '<StatusName>In progress</StatusName><CustId>10587</CustId><CustName>Li Na</CustName>' +
    `<ItemsCount>${lineCount}</ItemsCount><GoodsAmount>${(lineCount * 23.5).toFixed(2)}</GoodsAmount>` +
    '<DeliveryAmount>0.00</DeliveryAmount><TotalAmount>47000.00</TotalAmount><RemainAmount>0.00</RemainAmount>' +
    '<CurrencyCode>USD</CurrencyCode><CustComment>ext-ref:SO-1001</CustComment><DeliveryModeId>12</DeliveryModeId>' +
    '<IsPaid>true</IsPaid><IsCancelled>false</IsCancelled><CanCancel>0</CanCancel>' +
    '<LineStatusSummaries><OrderLineStatusSummary><Status><Id>6</Id><Name>Purchased</Name></Status>' +
    `<Count>${lineCount}</Count></OrderLineStatusSummary></LineStatusSummaries></SalesOrderInfo>`
  );
}

function lineFields(index: number): string {
  const [statusId, statusName] = STATUSES[index % STATUSES.length];
  const bound = statusId !== '2';
  const itemId = String(600000000000 + index * 7919);
  return (
    `<Id>${48000 + index}</Id><OrderId>ORD-${String(12345 + (index % 50)).padStart(10, '0')}</OrderId>` +
    `<LineNum>${index + 1}</LineNum><ItemId>${itemId}</ItemId><ItemTaobaoId>${itemId}</ItemTaobaoId>` +
    `<ConfigId>${4409256473146 + index}</ConfigId><ConfigText>${CONFIGS[index % CONFIGS.length]}</ConfigText>` +
    `<Qty>${1 + (index % 3)}</Qty><QtyOrig>${1 + (index % 3)}</QtyOrig><StatusId>${statusId}</StatusId>` +
    `<StatusCode>${statusId}</StatusCode><StatusName>${statusName}</StatusName>` +
    `<PriceCust>${(10 + (index % 97) * 0.37).toFixed(2)}</PriceCust><AmountCust>21.40</AmountCust>` +
    `<CurrencyCust>USD</CurrencyCust><PurchPrice>128.00</PurchPrice><PurchCurrency>CNY</PurchCurrency>` +
    `<VendId>22012345${index % 1000}</VendId><VendNick>${SELLERS[index % SELLERS.length]}</VendNick>` +
    `<VendPurchId>${bound ? String(2345678901234567000n + BigInt(index)) : ''}</VendPurchId>` +
    `<VendPurchWaybill>${bound ? `YT75${String(index).padStart(11, '0')}` : ''}</VendPurchWaybill>` +
    `<VendPurchAccountId>${bound ? 'ot采购账号01' : ''}</VendPurchAccountId>` +
    `<VendPurchStatus>${bound ? 'WAIT_BUYER_CONFIRM_GOODS' : ''}</VendPurchStatus>` +
    '<VendorPurchaseItemPriceWarningReason><Level>Ok</Level><Message/></VendorPurchaseItemPriceWarningReason>' +
    `<BriefDescrTrans>${TITLES[index % TITLES.length]}</BriefDescrTrans>` +
    `<NameOrig>${TITLES[(index + 1) % TITLES.length]}</NameOrig>` +
    `<ItemImageURL>https://img.alicdn.com/bao/uploaded/i4/${itemId}.jpg</ItemImageURL>` +
    `<ItemExternalURL>https://item.taobao.com/item.htm?id=${itemId}</ItemExternalURL>` +
    '<Weight>0.800</Weight><ProviderType>Taobao</ProviderType><CanBePurchased>false</CanBePurchased>' +
    '<IsPaid>true</IsPaid><IsCancelled>false</IsCancelled><CustComment/><OperatorComment/>'
  );
}
